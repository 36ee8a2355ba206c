import { chooseTheme, themeChoices, useThemeChoice, type ThemeChoice } from './themePreference.js';
import './themeSwitch.css';

const labels: Record<ThemeChoice, { text: string; hint: string }> = {
  system: { text: 'System', hint: "Follow the system's light or dark setting" },
  light: { text: 'Light', hint: 'Always light' },
  dark: { text: 'Dark', hint: 'Always dark' },
};

/** Light, dark or the system's: three radio buttons (arrow keys move between them), remembered across restarts. */
export function ThemeSwitch() {
  const choice = useThemeChoice();
  return (
    <fieldset className="theme-switch">
      <legend className="theme-switch-legend">Theme</legend>
      <div className="theme-switch-options">
        {themeChoices.map((c) => (
          <label key={c} className="theme-switch-option" title={labels[c].hint}>
            <input type="radio" name="theme" value={c} checked={choice === c} onChange={() => chooseTheme(c)} />
            <span>{labels[c].text}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
