/**
 * The words of `<pb-list>`'s downloads, in French (the default), English, Spanish and Portuguese:
 * CSV headings, the spreadsheet conventions of each language, file names. Loaded with the export
 * code on the first click, not with the list.
 */
import type { CsvColumn, CsvOptions } from '../../core/export.js';
import { catalogue, type Messages } from '../../core/messages.js';

/** One language's words for the files. */
export interface ExportMessages {
  /** Separator and decimal mark that the spreadsheets of that language read. */
  separator: CsvOptions['separator'];
  decimal: CsvOptions['decimal'];
  /** CSV headings; `currency` is the feed's ISO code. */
  headings: (currency: string) => Record<CsvColumn, string>;
  /** Headings of the sources file. */
  sourceHeadings: [string, string];
  /** The `source` column: the feed's title, date and address. */
  citation: (
    title: string | undefined,
    updated: string | undefined,
    url: string | undefined,
  ) => string;
  /** The `licence` column when the feed names none. */
  noLicence: string;
  /** Start of file names: "budgets-participatifs" (then the date). */
  fileStem: string;
  /** End of the sources file's name: "sources". */
  sourcesSuffix: string;
}

const join = (...parts: (string | undefined)[]) => parts.filter(Boolean).join(', ');

function french(m: Messages): ExportMessages {
  return {
    separator: ';',
    decimal: ',',
    headings: (currency) => ({
      id: 'Identifiant',
      name: 'Nom',
      place: 'Lieu',
      region: 'Région',
      country: 'Pays',
      level: m.level,
      years: 'Années retenues',
      budget: `Budget retenu (${currency})`,
      perInhabitant: `Par habitant (${currency})`,
      population: 'Population',
      longitude: 'Longitude',
      latitude: 'Latitude',
      url: 'Site',
      licence: 'Licence des données',
      source: 'Source',
    }),
    sourceHeadings: ['Source', 'Adresse'],
    citation: (title, updated, url) =>
      join(title ?? 'Flux pb-map', updated && `mis à jour le ${updated}`, url),
    noLicence: 'non précisée par le flux',
    fileStem: 'budgets-participatifs',
    sourcesSuffix: 'sources',
  };
}

function english(m: Messages): ExportMessages {
  return {
    separator: ',',
    decimal: '.',
    headings: (currency) => ({
      id: 'Identifier',
      name: 'Name',
      place: 'Place',
      region: 'Region',
      country: 'Country',
      level: m.level,
      years: 'Years kept',
      budget: `Budget kept (${currency})`,
      perInhabitant: `Per inhabitant (${currency})`,
      population: 'Population',
      longitude: 'Longitude',
      latitude: 'Latitude',
      url: 'Website',
      licence: 'Data licence',
      source: 'Source',
    }),
    sourceHeadings: ['Source', 'Address'],
    citation: (title, updated, url) =>
      join(title ?? 'pb-map feed', updated && `updated ${updated}`, url),
    noLicence: 'not stated by the feed',
    fileStem: 'participatory-budgets',
    sourcesSuffix: 'sources',
  };
}

function spanish(m: Messages): ExportMessages {
  return {
    separator: ';',
    decimal: ',',
    headings: (currency) => ({
      id: 'Identificador',
      name: 'Nombre',
      place: 'Lugar',
      region: 'Región',
      country: 'País',
      level: m.level,
      years: 'Años seleccionados',
      budget: `Presupuesto seleccionado (${currency})`,
      perInhabitant: `Por habitante (${currency})`,
      population: 'Población',
      longitude: 'Longitud',
      latitude: 'Latitud',
      url: 'Sitio web',
      licence: 'Licencia de los datos',
      source: 'Fuente',
    }),
    sourceHeadings: ['Fuente', 'Dirección'],
    citation: (title, updated, url) =>
      join(title ?? 'Flujo pb-map', updated && `actualizado el ${updated}`, url),
    noLicence: 'no indicada en el flujo',
    fileStem: 'presupuestos-participativos',
    sourcesSuffix: 'fuentes',
  };
}

function portuguese(m: Messages): ExportMessages {
  return {
    separator: ';',
    decimal: ',',
    headings: (currency) => ({
      id: 'Identificador',
      name: 'Nome',
      place: 'Local',
      region: 'Região',
      country: 'País',
      level: m.level,
      years: 'Anos selecionados',
      budget: `Orçamento selecionado (${currency})`,
      perInhabitant: `Por habitante (${currency})`,
      population: 'População',
      longitude: 'Longitude',
      latitude: 'Latitude',
      url: 'Sítio web',
      licence: 'Licença dos dados',
      source: 'Fonte',
    }),
    sourceHeadings: ['Fonte', 'Endereço'],
    citation: (title, updated, url) =>
      join(title ?? 'Fluxo pb-map', updated && `atualizado em ${updated}`, url),
    noLicence: 'não indicada no fluxo',
    fileStem: 'orcamentos-participativos',
    sourcesSuffix: 'fontes',
  };
}

/** The words for a language tag (see `messagesFor`), with the map's own as `base`. */
export const exportMessagesFor = catalogue<ExportMessages>({
  fr: french,
  en: english,
  es: spanish,
  pt: portuguese,
});
