/**
 * The words of `<pb-atlas>` and of the iframe page (src/embed), in French (the default),
 * English, Spanish and Portuguese. Each catalogue is typed as {@link AtlasMessages}, so a string
 * missing from one is a compile error.
 */
import { catalogue, type Messages } from '../../core/messages.js';

/** One language's strings for the atlas. */
export interface AtlasMessages {
  /** The button that opens and closes the panel in the narrow layout. */
  panel: string;
  /** While the elements' code loads. */
  loading: string;
  /** When the elements' code could not be loaded (network, server). */
  loadFailed: string;
  /** Default page title of the iframe page, when neither `title` nor the feed gives one. */
  defaultTitle: string;
  /** The iframe page without a usable `src` parameter. */
  noSrc: string;
}

function french(m: Messages): AtlasMessages {
  return {
    panel: 'Chiffres, filtres et liste',
    loading: m.loading,
    loadFailed: 'La carte n’a pas pu être chargée. Rechargez la page pour réessayer.',
    defaultTitle: m.mapLabel('programmes'),
    noSrc:
      'Aucun flux à afficher : le paramètre « src » de l’adresse doit donner l’adresse (http ou https) d’un flux de budgets participatifs.',
  };
}

function english(m: Messages): AtlasMessages {
  return {
    panel: 'Figures, filters and list',
    loading: m.loading,
    loadFailed: 'The map could not be loaded. Reload the page to try again.',
    defaultTitle: m.mapLabel('programmes'),
    noSrc:
      'No feed to show: the “src” parameter of the address must give the address (http or https) of a participatory-budget feed.',
  };
}

function spanish(m: Messages): AtlasMessages {
  return {
    panel: 'Cifras, filtros y lista',
    loading: m.loading,
    loadFailed: 'No se pudo cargar el mapa. Vuelva a cargar la página para intentarlo de nuevo.',
    defaultTitle: m.mapLabel('programmes'),
    noSrc:
      'Ningún flujo que mostrar: el parámetro «src» de la dirección debe dar la dirección (http o https) de un flujo de presupuestos participativos.',
  };
}

function portuguese(m: Messages): AtlasMessages {
  return {
    panel: 'Números, filtros e lista',
    loading: m.loading,
    loadFailed: 'Não foi possível carregar o mapa. Recarregue a página para tentar de novo.',
    defaultTitle: m.mapLabel('programmes'),
    noSrc:
      'Nenhum fluxo para mostrar: o parâmetro «src» do endereço deve dar o endereço (http ou https) de um fluxo de orçamentos participativos.',
  };
}

/** The words for a language tag (see `messagesFor`), with the map's own as `base`. */
export const atlasMessagesFor = catalogue<AtlasMessages>({
  fr: french,
  en: english,
  es: spanish,
  pt: portuguese,
});
