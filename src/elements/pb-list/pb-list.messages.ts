/**
 * The words of `<pb-list>`, in French (the default), English, Spanish and Portuguese. Each catalogue is typed as
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
  /** Label of the download buttons: "Télécharger la liste (17 programmes dans la vue)". */
  download: (n: number, kind: EntryKind, inView: boolean) => string;
  /** The three downloads: the table for spreadsheets, GeoJSON, the feed's sources. */
  downloadCsv: string;
  downloadGeoJson: string;
  downloadSources: string;
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
    download: (n, kind, inView) =>
      `Télécharger la liste (${m.entries(n, kind)}${inView ? ' dans la vue' : ''})`,
    downloadCsv: 'Tableur (CSV)',
    downloadGeoJson: 'GeoJSON',
    downloadSources: 'Sources (CSV)',
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
    download: (n, kind, inView) =>
      `Download the list (${m.entries(n, kind)}${inView ? ' in view' : ''})`,
    downloadCsv: 'Spreadsheet (CSV)',
    downloadGeoJson: 'GeoJSON',
    downloadSources: 'Sources (CSV)',
  };
}

function spanish(m: Messages): ListMessages {
  const count = (n: number) => formatCount(n, m.locale);
  const columns: Record<ListColumn, string> = {
    name: 'Nombre',
    place: 'Lugar',
    years: 'Años',
    budget: 'Presupuesto',
    perInhabitant: 'Por habitante',
  };
  const up: Record<ListColumn, string> = {
    name: 'de la A a la Z',
    place: 'de la A a la Z',
    years: 'de los más antiguos a los más recientes',
    budget: 'de menor a mayor',
    perInhabitant: 'de menor a mayor',
  };
  const down: Record<ListColumn, string> = {
    name: 'de la Z a la A',
    place: 'de la Z a la A',
    years: 'de los más recientes a los más antiguos',
    budget: 'de mayor a menor',
    perInhabitant: 'de mayor a menor',
  };
  return {
    columns,
    caption: (n, kind, inView) => `${m.entries(n, kind)}${inView ? ' en la vista' : ''}`,
    sortedBy: (column, direction) =>
      `, ordenados por ${columns[column].toLowerCase()}, ${(direction === 'ascending' ? up : down)[column]}`,
    scopeView: 'Solo lo que muestra el mapa',
    none: (kind, inView) =>
      `${kind === 'projects' ? 'Ningún proyecto' : 'Ningún programa'} ${inView ? 'en la vista del mapa' : 'corresponde a la selección'}.`,
    more: (n) => `Mostrar ${count(n)} más`,
    shown: (shown, total) => `Mostrando ${count(shown)} de ${count(total)}`,
    notStated: 'no indicado',
    download: (n, kind, inView) =>
      `Descargar la lista (${m.entries(n, kind)}${inView ? ' en la vista' : ''})`,
    downloadCsv: 'Hoja de cálculo (CSV)',
    downloadGeoJson: 'GeoJSON',
    downloadSources: 'Fuentes (CSV)',
  };
}

function portuguese(m: Messages): ListMessages {
  const count = (n: number) => formatCount(n, m.locale);
  const columns: Record<ListColumn, string> = {
    name: 'Nome',
    place: 'Local',
    years: 'Anos',
    budget: 'Orçamento',
    perInhabitant: 'Por habitante',
  };
  const up: Record<ListColumn, string> = {
    name: 'de A a Z',
    place: 'de A a Z',
    years: 'dos mais antigos para os mais recentes',
    budget: 'do menor para o maior',
    perInhabitant: 'do menor para o maior',
  };
  const down: Record<ListColumn, string> = {
    name: 'de Z a A',
    place: 'de Z a A',
    years: 'dos mais recentes para os mais antigos',
    budget: 'do maior para o menor',
    perInhabitant: 'do maior para o menor',
  };
  return {
    columns,
    caption: (n, kind, inView) => `${m.entries(n, kind)}${inView ? ' na vista' : ''}`,
    sortedBy: (column, direction) =>
      `, ordenados por ${columns[column].toLowerCase()}, ${(direction === 'ascending' ? up : down)[column]}`,
    scopeView: 'Apenas o que o mapa mostra',
    none: (kind, inView) =>
      `${kind === 'projects' ? 'Nenhum projeto' : 'Nenhum programa'} ${inView ? 'na vista do mapa' : 'corresponde à seleção'}.`,
    more: (n) => `Mostrar mais ${count(n)}`,
    shown: (shown, total) => `A mostrar ${count(shown)} de ${count(total)}`,
    notStated: 'não indicado',
    download: (n, kind, inView) =>
      `Descarregar a lista (${m.entries(n, kind)}${inView ? ' na vista' : ''})`,
    downloadCsv: 'Folha de cálculo (CSV)',
    downloadGeoJson: 'GeoJSON',
    downloadSources: 'Fontes (CSV)',
  };
}

/** The words for a language tag (see `messagesFor`), with the map's own as `base`. */
export const listMessagesFor = catalogue<ListMessages>({
  fr: french,
  en: english,
  es: spanish,
  pt: portuguese,
});
