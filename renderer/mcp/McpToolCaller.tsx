import { useState, type FormEvent } from 'react';
import { ActionButton } from '../components/ActionButton.js';
import { ErrorBanner } from '../components/ErrorBanner.js';
import { formatMs } from '../components/time.js';
import { useCommand } from '../client/hooks.js';
import type { McpContentBlock, McpToolInfo } from '../../shared/contract/mcp.js';
import { buildArguments, initialValues, toolFields, type FieldValues } from './toolArguments.js';

/** A form generated from a tool's input schema; Call sends it and shows what the server answered. */
export function McpToolCaller({ server, tool }: { server: string; tool: McpToolInfo }) {
  const fields = toolFields(tool.inputSchema);
  const [values, setValues] = useState<FieldValues>(() => initialValues(fields));
  const [formError, setFormError] = useState<string | undefined>();
  const call = useCommand('mcp.callTool');
  const set = (name: string, value: string | boolean) => setValues((v) => ({ ...v, [name]: value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const built = buildArguments(fields, values);
    if ('error' in built) return setFormError(built.error);
    setFormError(undefined);
    call.mutate({ name: server, tool: tool.name, arguments: built.args });
  };

  return (
    <form className="mcp-caller" onSubmit={submit} aria-label={`Call ${tool.name}`}>
      <div className="mcp-caller-head">
        <code className="mcp-tool-name">{tool.name}</code>
        {tool.description ? <p className="mcp-small muted">{tool.description}</p> : null}
      </div>
      {fields.length === 0 ? <p className="mcp-small muted">This tool takes no arguments.</p> : null}
      {fields.map((f) => (
        <label key={f.name} className="mcp-field">
          <span className="mcp-field-label">
            {f.name}
            {f.required ? <span className="mcp-required" aria-label="required"> *</span> : null}
            <span className="mcp-field-kind">{f.kind}</span>
          </span>
          {f.kind === 'boolean' ? (
            <input type="checkbox" checked={values[f.name] === true} onChange={(e) => set(f.name, e.target.checked)} />
          ) : f.kind === 'enum' ? (
            <select value={String(values[f.name] ?? '')} onChange={(e) => set(f.name, e.target.value)}>
              {f.required ? null : <option value="">—</option>}
              {f.options?.map((o) => (
                <option key={o}>{o}</option>
              ))}
            </select>
          ) : f.kind === 'json' ? (
            <textarea rows={3} spellCheck={false} value={String(values[f.name] ?? '')} placeholder="JSON" onChange={(e) => set(f.name, e.target.value)} />
          ) : (
            <input
              type={f.kind === 'string' ? 'text' : 'number'}
              step={f.kind === 'integer' ? 1 : 'any'}
              value={String(values[f.name] ?? '')}
              onChange={(e) => set(f.name, e.target.value)}
            />
          )}
          {f.description ? <span className="mcp-field-hint">{f.description}</span> : null}
        </label>
      ))}
      <details className="mcp-schema">
        <summary>Input schema</summary>
        <pre>{JSON.stringify(tool.inputSchema, null, 2)}</pre>
      </details>
      <div className="mcp-caller-actions">
        <ActionButton label="Call tool" tone="primary" type="submit" pending={call.isPending} />
        {formError ? <span className="mcp-form-error" role="alert">{formError}</span> : null}
      </div>
      {call.error ? <ErrorBanner title={`Calling ${tool.name} failed`}>{call.error.message}</ErrorBanner> : null}
      {call.data && call.data.tool === tool.name ? (
        <section className={`mcp-result${call.data.isError ? ' is-error' : ''}`} aria-label="Tool result">
          <h4 className="mcp-subtitle">
            {call.data.isError ? 'The tool reported an error' : 'Result'} · {formatMs(call.data.durationMs)}
          </h4>
          {call.data.content.map((block, i) => (
            <ContentBlock key={i} block={block} />
          ))}
          {call.data.content.length === 0 && call.data.structuredContent ? <pre>{JSON.stringify(call.data.structuredContent, null, 2)}</pre> : null}
        </section>
      ) : null}
    </form>
  );
}

function ContentBlock({ block }: { block: McpContentBlock }) {
  if (block.type === 'text') return <pre className="mcp-result-text">{block.text}</pre>;
  if (block.type === 'image' && block.data && block.mimeType?.startsWith('image/')) {
    return <img className="mcp-result-image" alt="image returned by the tool" src={`data:${block.mimeType};base64,${block.data}`} />;
  }
  return <pre className="mcp-result-text">{JSON.stringify(block, null, 2)}</pre>;
}
