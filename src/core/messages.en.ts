/**
 * English words of the map (see `messages.ts`, which loads this file the first time a page asks
 * for English).
 */
import type { FeedErrorCode, Level } from './feed/model.js';
import { formatCount } from './format.js';
import {
  counter,
  spokenYears,
  type EntryKind,
  type Messages,
  type PluralForms,
} from './messages.js';

export function english(locale: string): Messages {
  const count = counter(locale);
  const nouns: Record<EntryKind, PluralForms> = {
    programmes: { one: 'programme', other: 'programmes' },
    projects: { one: 'project', other: 'projects' },
  };
  const levels: Record<Level, string> = {
    commune: 'Municipality',
    intercommunality: 'Group of municipalities',
    department: 'Department',
    region: 'Region',
    other: 'Other organisation',
  };
  const reasons: Record<FeedErrorCode, string> = {
    network: 'The data server could not be reached.',
    http: 'The data server answered with an error.',
    timeout: 'The data server took too long to answer.',
    'too-large': 'The data file is too large.',
    'not-json': 'The data file is not valid JSON.',
    'not-a-feed': 'The file does not hold data in the expected format.',
    'unsupported-version': 'This version of the data format is not supported.',
    'no-programmes': 'The file holds no usable entry.',
  };
  const skipped = (n: number) => count(n, { one: 'entry skipped', other: 'entries skipped' });
  const entries = (n: number, kind: EntryKind) => count(n, nouns[kind]);
  return {
    lang: 'en',
    locale,
    mapLabel: (kind) => (kind === 'projects' ? 'Map of projects' : 'Map of participatory budgets'),
    loading: 'Loading participatory budgets…',
    empty: 'Nothing to show on the map.',
    errorTitle: 'The data could not be loaded.',
    errorReason: (code) => reasons[code],
    retry: 'Try again',
    mapUnavailable: 'The base map could not be loaded.',
    noMap: 'The map cannot be shown on this device (WebGL is unavailable).',
    skipped,
    problemsNote: (n, values) =>
      [
        n > 0 ? skipped(n) : '',
        values > 0 ? count(values, { one: 'value dropped', other: 'values dropped' }) : '',
      ]
        .filter(Boolean)
        .join(', '),
    zoomHint: 'Zoom in to see more',
    mapUi: {
      'AttributionControl.ToggleAttribution': 'Toggle attribution',
      'AttributionControl.MapFeedback': 'Map feedback',
      'FullscreenControl.Enter': 'Enter fullscreen',
      'FullscreenControl.Exit': 'Exit fullscreen',
      'GeolocateControl.FindMyLocation': 'Find my location',
      'GeolocateControl.LocationNotAvailable': 'Location not available',
      'LogoControl.Title': 'MapLibre logo',
      'Map.Title': 'Map',
      'Marker.Title': 'Map marker',
      'NavigationControl.ResetBearing': 'Drag to rotate map, click to reset north',
      'NavigationControl.ZoomIn': 'Zoom in',
      'NavigationControl.ZoomOut': 'Zoom out',
      'Popup.Close': 'Close popup',
      'ScaleControl.Feet': 'ft',
      'ScaleControl.Meters': 'm',
      'ScaleControl.Kilometers': 'km',
      'ScaleControl.Miles': 'mi',
      'ScaleControl.NauticalMiles': 'nm',
      'GlobeControl.Enable': 'Enable globe',
      'GlobeControl.Disable': 'Disable globe',
      'TerrainControl.Enable': 'Enable terrain',
      'TerrainControl.Disable': 'Disable terrain',
      'CooperativeGesturesHandler.WindowsHelpText': 'Use Ctrl + scroll to zoom the map',
      'CooperativeGesturesHandler.MacHelpText': 'Use ⌘ + scroll to zoom the map',
      'CooperativeGesturesHandler.MobileHelpText': 'Use two fingers to move the map',
    },
    entries,
    clusterLabel: (n, amount, kind, known = n) =>
      !amount
        ? `Cluster of ${entries(n, kind)}`
        : known < n
          ? `Cluster of ${entries(n, kind)}, ${amount} (budget known for ${formatCount(known, locale)})`
          : `Cluster of ${entries(n, kind)}, ${amount}`,
    programmeLabel: (name, years, amount) =>
      [name, spokenYears(years, locale, 'to'), amount ? `${amount} a year` : '']
        .filter(Boolean)
        .join(', '),
    shown: (n, kind) => `${entries(n, kind)} shown`,
    zoomResult: (clusters, singles, kind) =>
      `Zoomed in: ${count(clusters, { one: 'cluster', other: 'clusters' })} and ${count(singles, { one: `single ${kind === 'projects' ? 'project' : 'programme'}`, other: `single ${kind}` })} in view`,
    skipMap: 'Skip the map',
    mapEnd: 'End of the map',
    contextLost:
      'The map is briefly unavailable (graphics were interrupted); it comes back by itself.',
    stackTitle: (n, kind) => `${entries(n, kind)} at this place`,
    close: 'Close',
    legendTitle: 'Legend',
    legendClusters: (kind) =>
      `A bubble groups ${kind} close to each other: how many, and below, the sum of their budgets. The more it holds, the larger it is; activating it zooms in until it splits.`,
    legendSingle: (kind) =>
      `A small disc ringed in white is a single ${kind === 'projects' ? 'project' : 'programme'}: activating it opens its card.`,
    legendFigure: (years, range, perInhabitant) =>
      `Amounts: budget of the latest edition${years ? ` in ${years}` : ''}${
        range
          ? `, among those whose budget${perInhabitant ? ' per inhabitant' : ''} is within ${range}`
          : ''
      }.`,
    place: 'Place',
    level: 'Type of authority',
    levelName: (level) => levels[level],
    years: 'Editions',
    year: 'Year',
    population: 'Population',
    budget: 'Budget',
    latestBudget: 'Latest budget',
    budgetPerEdition: 'Budget per edition',
    perInhabitant: 'Per inhabitant',
    amountPerInhabitant: (amount) => `${amount} per inhabitant`,
    voters: 'Voters',
    projects: 'Winning projects',
    status: 'Status',
    category: 'Category',
    notStated: 'Not stated',
    website: 'Programme website',
    filteredBudget: 'Budget under the filter',
    outsideFilter: 'outside the filter',
    territories: {
      GP: 'Guadeloupe',
      MQ: 'Martinique',
      GF: 'French Guiana',
      RE: 'Réunion',
      YT: 'Mayotte',
    },
    overseas: 'French overseas departments and regions',
  };
}
