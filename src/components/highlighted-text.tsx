// Record text with the search query's matches wrapped in <mark>: React text nodes only, never HTML.
import { splitByMatches } from '../domain/search.ts';

export interface HighlightedTextProps {
  readonly text: string;
  readonly query: string;
}

export function HighlightedText({ text, query }: HighlightedTextProps) {
  if (!query.trim()) return <>{text}</>;
  return (
    <>
      {splitByMatches(text, query).map((segment, position) =>
        segment.match ? <mark key={position}>{segment.text}</mark> : <span key={position}>{segment.text}</span>,
      )}
    </>
  );
}
