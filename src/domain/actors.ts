// Actors' roles at the time of an event, for the details panel: "Supreme Leader (from 1989)".
import { type PartialDate, formatPartialDate, parsePartialDate, toInterval } from './partial-date.ts';
import type { Actor, ActorRole } from './schema.ts';

function intervalOf(text: string | undefined): { start: number; end: number } | undefined {
  if (!text) return undefined;
  const parsed = parsePartialDate(text);
  return parsed.ok ? toInterval(parsed.value) : undefined;
}

function roleCovers(role: ActorRole, at: PartialDate): boolean {
  const when = toInterval(at);
  const start = intervalOf(role.start);
  const end = intervalOf(role.end);
  return (!start || start.start < when.end) && (!end || end.end > when.start);
}

export function formatRole(role: ActorRole): string {
  const start = role.start ? parsePartialDate(role.start) : undefined;
  const end = role.end ? parsePartialDate(role.end) : undefined;
  const startLabel = start?.ok ? formatPartialDate(start.value) : undefined;
  const endLabel = end?.ok ? formatPartialDate(end.value) : undefined;
  if (startLabel && endLabel) return `${role.title} (${startLabel}–${endLabel})`;
  if (startLabel) return `${role.title} (from ${startLabel})`;
  if (endLabel) return `${role.title} (until ${endLabel})`;
  return role.title;
}

/** The actor's role at the event's date; else its only or first role; else nothing. */
export function describeActorRole(actor: Actor, at: PartialDate): string | undefined {
  const covering = actor.roles.filter((role) => roleCovers(role, at) && (role.start || role.end));
  const role = covering[0] ?? actor.roles[0];
  return role ? formatRole(role) : undefined;
}
