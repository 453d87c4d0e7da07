// Keeps a crash in one part of the page from blanking the rest: that part alone is replaced by a message with "Try again".
import { Component, type ReactNode } from 'react';
import '../styles/error-boundary.css';

export interface ErrorBoundaryProps {
  /** The part, as the user knows it: "The timeline", "The filters". */
  readonly label: string;
  /** When this changes (e.g. a new dataset), a crashed part tries again by itself. */
  readonly resetKey?: unknown;
  readonly children: ReactNode;
}

interface ErrorBoundaryState {
  readonly error: Error | undefined;
}

const MAX_DETAIL_LENGTH = 200;

export class ErrorBoundary extends Component<ErrorBoundaryProps, ErrorBoundaryState> {
  state: ErrorBoundaryState = { error: undefined };

  static getDerivedStateFromError(error: unknown): ErrorBoundaryState {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  componentDidUpdate(previous: ErrorBoundaryProps) {
    if (this.state.error && !Object.is(previous.resetKey, this.props.resetKey)) this.setState({ error: undefined });
  }

  render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    const detail = error.message.length > MAX_DETAIL_LENGTH ? `${error.message.slice(0, MAX_DETAIL_LENGTH)}…` : error.message;
    return (
      <div className="error-boundary" role="alert">
        <p className="error-boundary__message">
          {this.props.label} stopped working because of an unexpected error. The rest of the page still works.
        </p>
        {detail ? <p className="error-boundary__detail">Error: {detail}</p> : null}
        <button type="button" className="button" onClick={() => this.setState({ error: undefined })}>
          Try again
        </button>
      </div>
    );
  }
}
