import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  children: ReactNode;
  /** Changing it (e.g. the route) clears a shown error. */
  resetKey?: string;
}
interface State {
  error: Error | null;
  resetKey?: string;
}

/**
 * Shows a readable message instead of a blank page when a screen fails to render.
 * Rendering never writes to storage, so a crash here cannot corrupt the learner's progress.
 */
export class ErrorBoundary extends Component<Props, State> {
  state: State = { error: null, resetKey: this.props.resetKey };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    if (props.resetKey !== state.resetKey) return { error: null, resetKey: props.resetKey };
    return null;
  }

  componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('Screen failed to render', error, info.componentStack);
  }

  render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <section className="panel error-panel" role="alert" aria-labelledby="error-title">
        <h1 id="error-title">Something went wrong on this screen</h1>
        <p>
          Your progress is safe: it is saved after every answer, and this error did not touch it.
          Reloading the page usually fixes this.
        </p>
        <details>
          <summary>Technical details</summary>
          <pre>{error.message}</pre>
        </details>
        <div className="row">
          <button type="button" className="btn primary" onClick={() => window.location.reload()}>
            Reload
          </button>
          <a className="btn" href="/">
            Go to Home
          </a>
        </div>
      </section>
    );
  }
}
