/**
 * The words of `<pb-list>`, in French (the default) and English. Each catalogue is typed as
 * {@link ListMessages}, so a string missing from one is a compile error. The language is the one
 * `messagesFor` resolves from the nearest `lang`; counts reuse its plural rules.
 */
import type { ListColumn, SortDirection } from '../../core/list.js';
import { formatCount } from '../../core/format.js';
import { catalogue, type EntryKind, type Messages } from '../../core/messages.js';

/** One language's strings for the list. */
export interface ListMessages {
  /** Column headings. */
  columns: Record<ListColumn, string>;
  /** Caption: "187 programmes", or with `inView` "42 programmes dans la vue". */
  caption: (n: number, kind: EntryKind, inView: boolean) => string;
  /** Said after the caption to screen readers: ", triés par budget, du plus grand au plus petit". */
  sortedBy: (column: ListColumn, direction: SortDirection) => string;
  /** Label of the checkbox that limits the list to the map's view. */
  scopeView: string;
  /** In place of rows when there is none. */
  none: (kind: EntryKind, inView: boolean) => string;
  /** "Afficher 100 de plus". */
  more: (n: number) => string;
  /** "100 affichés sur 187". */
  shown: (shown: number, total: number) => string;
  /** Said (to screen readers) in place of a value the feed does not give. */
  notStated: string;
}

function french(m: Messages): ListMessages {
  const count = (n: number) => formatCount(n, m.locale);
  const columns: Record<ListColumn, string> = {
    name: 'Nom',
    place: 'Lieu',
    years: 'Années',
    budget: 'Budget',
    perInhabitant: 'Par habitant',
  };
  const up: Record<ListColumn, string> = {
    name: 'de A à Z',
    place: 'de A à Z',
    years: 'des plus anciennes aux plus récentes',
    budget: 'du plus petit au plus grand',
    perInhabitant: 'du plus petit au plus grand',
  };
  const down: Record<ListColumn, string> = {
    name: 'de Z à A',
    place: 'de Z à A',
    years: 'des plus récentes aux plus anciennes',
    budget: 'du plus grand au plus petit',
    perInhabitant: 'du plus grand au plus petit',
  };
  return {
    columns,
    caption: (n, kind, inView) => `${m.entries(n, kind)}${inView ? ' dans la vue' : ''}`,
    sortedBy: (column, direction) =>
      `, triés par ${columns[column].toLowerCase()}, ${(direction === 'ascending' ? up : down)[column]}`,
    scopeView: 'Seulement ce que montre la carte',
    none: (kind, inView) =>
      `${kind === 'projects' ? 'Aucun projet' : 'Aucun programme'} ${inView ? 'dans la vue de la carte' : 'ne correspond à la sélection'}.`,
    more: (n) => `Afficher ${count(n)} de plus`,
    shown: (shown, total) => `${count(shown)} affichés sur ${count(total)}`,
    notStated: 'non communiqué',
  };
}

function english(m: Messages): ListMessages {
  const count = (n: number) => formatCount(n, m.locale);
  const columns: Record<ListColumn, string> = {
    name: 'Name',
    place: 'Place',
    years: 'Years',
    budget: 'Budget',
    perInhabitant: 'Per inhabitant',
  };
  const up: Record<ListColumn, string> = {
    name: 'A to Z',
    place: 'A to Z',
    years: 'oldest first',
    budget: 'smallest first',
    perInhabitant: 'smallest first',
  };
  const down: Record<ListColumn, string> = {
    name: 'Z to A',
    place: 'Z to A',
    years: 'most recent first',
    budget: 'largest first',
    perInhabitant: 'largest first',
  };
  return {
    columns,
    caption: (n, kind, inView) => `${m.entries(n, kind)}${inView ? ' in view' : ''}`,
    sortedBy: (column, direction) =>
      `, sorted by ${columns[column].toLowerCase()}, ${(direction === 'ascending' ? up : down)[column]}`,
    scopeView: 'Only what the map shows',
    none: (kind, inView) =>
      `No ${kind === 'projects' ? 'project' : 'programme'} ${inView ? 'in the map’s view' : 'matches the selection'}.`,
    more: (n) => `Show ${count(n)} more`,
    shown: (shown, total) => `Showing ${count(shown)} of ${count(total)}`,
    notStated: 'not stated',
  };
}

/** The words for a language tag (see `messagesFor`), with the map's own as `base`. */
export const listMessagesFor = catalogue<ListMessages>({ fr: french, en: english });
