import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App } from './app/App.js';
import { ClientContext } from './client/hooks.js';
import { connect } from './client/connection.js';
import { TopicStore } from './client/topicStore.js';
import { settledFrames } from './client/settledFrames.js';
import { startTheme } from './components/theme/themePreference.js';
import './styles/app.css';

// the remembered theme is on <html> before the first paint
startTheme();
const connection = connect();
const store = new TopicStore(connection.client, settledFrames());
const queryClient = new QueryClient({ defaultOptions: { mutations: { retry: false } } });

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <ClientContext.Provider value={{ connection, store }}>
        <App />
      </ClientContext.Provider>
    </QueryClientProvider>
  </StrictMode>,
);
