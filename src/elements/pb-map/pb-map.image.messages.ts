/**
 * The words of `<pb-map>`'s image, in French (the default), English, Spanish and Portuguese: the
 * button that saves it, and the band of legend and credits under the map. Loaded with the map's
 * view (the button), not with the element.
 */
import { catalogue, type EntryKind, type Messages } from '../../core/messages.js';

/** One language's words for the image. */
export interface ImageMessages {
  /** The button in the map's controls. */
  save: string;
  /** What a bubble means, in the image (nothing there can be activated). */
  clusters: (kind: EntryKind) => string;
  /** What a lone disc means. */
  single: (kind: EntryKind) => string;
  /** "Données : …", "Licence : …", "Sources : …", "Fond de carte : …". */
  data: string;
  licence: string;
  sources: string;
  basemap: string;
  /** After the sources that fit: "et 150 autres". */
  more: (n: number) => string;
  /** Start of the file name (then the date). */
  fileStem: string;
  /** The feed's date: "mis à jour le 2026-11-22". */
  updated: (date: string) => string;
  /** Between a label and its value: " : " in French, ": " elsewhere. */
  colon: string;
}

function french(m: Messages): ImageMessages {
  const noun = (kind: EntryKind, n: 1 | 2) =>
    kind === 'projects' ? (n === 1 ? 'projet' : 'projets') : n === 1 ? 'programme' : 'programmes';
  return {
    save: 'Enregistrer la carte en image (PNG)',
    clusters: (kind) =>
      `Bulle\u202f: des ${noun(kind, 2)} proches, leur nombre et la somme de leurs budgets.`,
    single: (kind) => `Disque\u202f: un ${noun(kind, 1)} seul.`,
    data: 'Données',
    licence: 'Licence',
    sources: 'Sources',
    basemap: 'Fond de carte',
    more: (n) => `et ${formatN(n, m.locale)} autres`,
    fileStem: 'carte-budgets-participatifs',
    colon: '\u202f: ',
    updated: (date) => `mis à jour le ${date}`,
  };
}

function english(m: Messages): ImageMessages {
  return {
    save: 'Save the map as an image (PNG)',
    clusters: (kind) =>
      `Bubble: nearby ${kind === 'projects' ? 'projects' : 'programmes'}, how many and the sum of their budgets.`,
    single: (kind) => `Disc: a single ${kind === 'projects' ? 'project' : 'programme'}.`,
    data: 'Data',
    licence: 'Licence',
    sources: 'Sources',
    basemap: 'Basemap',
    more: (n) => `and ${formatN(n, m.locale)} more`,
    fileStem: 'participatory-budgets-map',
    colon: ': ',
    updated: (date) => `updated ${date}`,
  };
}

function spanish(m: Messages): ImageMessages {
  return {
    save: 'Guardar el mapa como imagen (PNG)',
    clusters: (kind) =>
      `Burbuja: ${kind === 'projects' ? 'proyectos cercanos' : 'programas cercanos'}, cuántos son y la suma de sus presupuestos.`,
    single: (kind) => `Disco: un ${kind === 'projects' ? 'proyecto' : 'programa'} solo.`,
    data: 'Datos',
    licence: 'Licencia',
    sources: 'Fuentes',
    basemap: 'Mapa base',
    more: (n) => `y ${formatN(n, m.locale)} más`,
    fileStem: 'mapa-presupuestos-participativos',
    colon: ': ',
    updated: (date) => `actualizado el ${date}`,
  };
}

function portuguese(m: Messages): ImageMessages {
  return {
    save: 'Guardar o mapa como imagem (PNG)',
    clusters: (kind) =>
      `Bolha: ${kind === 'projects' ? 'projetos próximos' : 'programas próximos'}, quantos são e a soma dos seus orçamentos.`,
    single: (kind) => `Disco: um ${kind === 'projects' ? 'projeto' : 'programa'} isolado.`,
    data: 'Dados',
    licence: 'Licença',
    sources: 'Fontes',
    basemap: 'Mapa de base',
    more: (n) => `e mais ${formatN(n, m.locale)}`,
    fileStem: 'mapa-orcamentos-participativos',
    colon: ': ',
    updated: (date) => `atualizado em ${date}`,
  };
}

function formatN(n: number, locale: string): string {
  return new Intl.NumberFormat(locale).format(n);
}

/** The words for a language tag (see `messagesFor`), with the map's own as `base`. */
export const imageMessagesFor = catalogue<ImageMessages>({
  fr: french,
  en: english,
  es: spanish,
  pt: portuguese,
});
