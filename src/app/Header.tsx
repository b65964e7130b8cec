import { Link } from '../components/Link';
import { SCREENS, type ScreenPath } from '../components/router';

export function Header({ current }: { current: ScreenPath | null }) {
  return (
    <header className="app-header">
      <Link to="/" className="brand" aria-label="Shared Responsibility Study, home">
        <svg viewBox="0 0 64 64" width="28" height="28" aria-hidden="true">
          <rect width="64" height="64" rx="14" fill="var(--accent)" />
          <path d="M14 40 32 14l18 26z" fill="#fff" />
          <path d="M14 44h36v6H14z" fill="var(--warn)" />
        </svg>
        <span className="brand-text">
          Shared Responsibility <span className="brand-sub">Study</span>
        </span>
      </Link>
      <nav aria-label="Main">
        <ul className="nav-list">
          {SCREENS.map((screen) => (
            <li key={screen.path}>
              <Link
                to={screen.path}
                className="nav-link"
                aria-current={current === screen.path ? 'page' : undefined}
                aria-keyshortcuts={`G ${screen.key.toUpperCase()}`}
              >
                {screen.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}
