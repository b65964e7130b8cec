import { lazy, Suspense, useEffect, useRef } from 'react';
import { SCREENS, matchScreen, usePath, type ScreenPath } from '../components/router';
import { ErrorBoundary } from './ErrorBoundary';
import { Header } from './Header';
import { useGlobalShortcuts } from './shortcuts';
import { useTheme } from './theme';
import { HomeScreen } from '../features/home/HomeScreen';
import { StatusBanners } from './StatusBanners';
import { ShortcutsDialog } from './ShortcutsDialog';

// Screens the first view does not need are split into their own chunks.
const StudyScreen = lazy(() => import('../features/study/StudyScreen'));
const QuizScreen = lazy(() => import('../features/quiz/QuizScreen'));
const DecksScreen = lazy(() => import('../features/decks/DecksScreen'));
const SettingsScreen = lazy(() => import('../features/settings/SettingsScreen'));

function Screen({ path }: { path: ScreenPath | null }) {
  switch (path) {
    case '/':
      return <HomeScreen />;
    case '/study':
      return <StudyScreen />;
    case '/quiz':
      return <QuizScreen />;
    case '/decks':
      return <DecksScreen />;
    case '/settings':
      return <SettingsScreen />;
    default:
      return (
        <section className="panel">
          <h1>Page not found</h1>
          <p>
            There is no screen at this address. <a href="/">Go to Home</a>.
          </p>
        </section>
      );
  }
}

export function App() {
  const pathname = usePath();
  const path = matchScreen(pathname);
  const mainRef = useRef<HTMLElement>(null);
  const firstRender = useRef(true);
  useTheme();
  useGlobalShortcuts();

  useEffect(() => {
    const title = SCREENS.find((s) => s.path === path)?.label ?? 'Not found';
    document.title = path === '/' ? 'Shared Responsibility Study' : `${title} · Shared Responsibility Study`;
    // Move focus to the new screen after in-app navigation, as a page load would.
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    mainRef.current?.focus();
  }, [path]);

  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <Header current={path} />
      <StatusBanners />
      <main id="main" ref={mainRef} tabIndex={-1}>
        <ErrorBoundary resetKey={pathname}>
          <Suspense fallback={<p className="loading" role="status">Loading…</p>}>
            <Screen path={path} />
          </Suspense>
        </ErrorBoundary>
      </main>
      <ShortcutsDialog />
    </>
  );
}
