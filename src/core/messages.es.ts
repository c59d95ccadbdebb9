/**
 * Spanish words of the map (see `messages.ts`, which loads this file the first time a page asks
 * for Spanish).
 */
import type { FeedErrorCode, Level } from './feed/model.js';
import { formatCount } from './format.js';
import {
  agreeing,
  counter,
  spokenYears,
  type EntryKind,
  type Messages,
  type PluralForms,
} from './messages.js';

export function spanish(locale: string): Messages {
  const count = counter(locale);
  const agree = agreeing(locale);
  const nouns: Record<EntryKind, PluralForms> = {
    programmes: { one: 'programa', many: 'de programas', other: 'programas' },
    projects: { one: 'proyecto', many: 'de proyectos', other: 'proyectos' },
  };
  const levels: Record<Level, string> = {
    commune: 'Municipio',
    intercommunality: 'Mancomunidad',
    department: 'Departamento',
    region: 'Región',
    other: 'Otra entidad',
  };
  const reasons: Record<FeedErrorCode, string> = {
    network: 'No se puede contactar con el servidor de datos.',
    http: 'El servidor de datos ha respondido con un error.',
    timeout: 'El servidor de datos ha tardado demasiado en responder.',
    'too-large': 'El archivo de datos es demasiado grande.',
    'not-json': 'El archivo de datos no es un JSON válido.',
    'not-a-feed': 'El archivo no contiene datos en el formato esperado.',
    'unsupported-version': 'Esta versión del formato de datos no es compatible.',
    'no-programmes': 'El archivo no contiene ninguna entrada utilizable.',
  };
  const skipped = (n: number) =>
    count(n, { one: 'entrada omitida', many: 'de entradas omitidas', other: 'entradas omitidas' });
  const entries = (n: number, kind: EntryKind) => count(n, nouns[kind]);
  return {
    lang: 'es',
    locale,
    mapLabel: (kind) =>
      kind === 'projects' ? 'Mapa de los proyectos' : 'Mapa de los presupuestos participativos',
    loading: 'Cargando los presupuestos participativos…',
    empty: 'No hay nada que mostrar en el mapa.',
    errorTitle: 'No se han podido cargar los datos.',
    errorReason: (code) => reasons[code],
    retry: 'Reintentar',
    mapUnavailable: 'No se ha podido cargar el mapa base.',
    noMap: 'El mapa no se puede mostrar en este dispositivo (WebGL no disponible).',
    skipped,
    problemsNote: (n, values) =>
      [
        n > 0 ? skipped(n) : '',
        values > 0
          ? count(values, {
              one: 'valor descartado',
              many: 'de valores descartados',
              other: 'valores descartados',
            })
          : '',
      ]
        .filter(Boolean)
        .join(', '),
    zoomHint: 'Acercar para ver el detalle',
    mapUi: {
      'AttributionControl.ToggleAttribution': 'Mostrar u ocultar las fuentes',
      'AttributionControl.MapFeedback': 'Informar de un error en el mapa',
      'FullscreenControl.Enter': 'Ver en pantalla completa',
      'FullscreenControl.Exit': 'Salir de la pantalla completa',
      'GeolocateControl.FindMyLocation': 'Mostrar mi ubicación',
      'GeolocateControl.LocationNotAvailable': 'Ubicación no disponible',
      'LogoControl.Title': 'Logotipo de MapLibre',
      'Map.Title': 'Mapa',
      'Marker.Title': 'Marcador',
      'NavigationControl.ResetBearing':
        'Arrastrar para girar el mapa, hacer clic para volver al norte',
      'NavigationControl.ZoomIn': 'Acercar',
      'NavigationControl.ZoomOut': 'Alejar',
      'Popup.Close': 'Cerrar',
      'ScaleControl.Feet': 'ft',
      'ScaleControl.Meters': 'm',
      'ScaleControl.Kilometers': 'km',
      'ScaleControl.Miles': 'mi',
      'ScaleControl.NauticalMiles': 'NM',
      'GlobeControl.Enable': 'Ver el globo',
      'GlobeControl.Disable': 'Ver el mapa plano',
      'TerrainControl.Enable': 'Mostrar el relieve',
      'TerrainControl.Disable': 'Ocultar el relieve',
      'CooperativeGesturesHandler.WindowsHelpText':
        'Use Ctrl + la rueda del ratón para hacer zoom en el mapa',
      'CooperativeGesturesHandler.MacHelpText':
        'Use ⌘ + la rueda del ratón para hacer zoom en el mapa',
      'CooperativeGesturesHandler.MobileHelpText': 'Use dos dedos para mover el mapa',
    },
    entries,
    clusterLabel: (n, amount, kind, known = n) =>
      !amount
        ? `Grupo de ${entries(n, kind)}`
        : known < n
          ? `Grupo de ${entries(n, kind)}, ${amount} (presupuesto conocido para ${formatCount(known, locale)})`
          : `Grupo de ${entries(n, kind)}, ${amount}`,
    programmeLabel: (name, years, amount) =>
      [name, spokenYears(years, locale, 'a'), amount ? `${amount} al año` : '']
        .filter(Boolean)
        .join(', '),
    shown: (n, kind) => `${entries(n, kind)} ${agree(n, 'mostrado', 'mostrados')}`,
    zoomResult: (clusters, singles, kind) =>
      `Zoom: ${count(clusters, { one: 'grupo', many: 'de grupos', other: 'grupos' })} y ${entries(singles, kind)} ${agree(singles, 'aislado', 'aislados')} en la vista`,
    skipMap: 'Saltar el mapa',
    mapEnd: 'Fin del mapa',
    contextLost:
      'El mapa no está disponible por un momento (se ha interrumpido la visualización gráfica); volverá por sí solo.',
    stackTitle: (n, kind) => `${entries(n, kind)} en este lugar`,
    close: 'Cerrar',
    legendTitle: 'Leyenda',
    legendClusters: (kind) =>
      `Una burbuja agrupa ${kind === 'projects' ? 'proyectos' : 'programas'} cercanos: cuántos son y, debajo, la suma de sus presupuestos. Cuantos más reúne, más grande es; activarla acerca el mapa hasta que se divide.`,
    legendSingle: (kind) =>
      `Un pequeño disco con borde blanco es un ${kind === 'projects' ? 'proyecto' : 'programa'} aislado: activarlo abre su ficha.`,
    legendFigure: (years, range, perInhabitant) =>
      `Importes: presupuesto de la última edición${years ? ` en ${years}` : ''}${
        range
          ? `, de entre aquellas cuyo presupuesto${perInhabitant ? ' por habitante' : ''} está dentro de ${range}`
          : ''
      }.`,
    place: 'Lugar',
    level: 'Tipo de entidad',
    levelName: (level) => levels[level],
    years: 'Ediciones',
    year: 'Año',
    population: 'Población',
    budget: 'Presupuesto',
    latestBudget: 'Último presupuesto',
    budgetPerEdition: 'Presupuesto por edición',
    perInhabitant: 'Por habitante',
    amountPerInhabitant: (amount) => `${amount} por habitante`,
    voters: 'Votantes',
    projects: 'Proyectos ganadores',
    status: 'Estado',
    category: 'Categoría',
    notStated: 'No indicado',
    website: 'Sitio web del programa',
    filteredBudget: 'Presupuesto según el filtro',
    outsideFilter: 'fuera del filtro',
    territories: {
      GP: 'Guadalupe',
      MQ: 'Martinica',
      GF: 'Guayana Francesa',
      RE: 'Reunión',
      YT: 'Mayotte',
    },
    overseas: 'Departamentos y regiones franceses de ultramar',
  };
}
