/**
 * demo/city.html: lists the city examples the dev server can convert (demo/city-examples.ts)
 * and shows the chosen one in a <pb-atlas>. Only the examples whose data is present are offered.
 */
import '../src/elements/pb-atlas/pb-atlas.js';

interface ExampleList {
  dataFolder: string;
  examples: { id: string; title: string; available: boolean }[];
}

const select = document.querySelector<HTMLSelectElement>('#example')!;
const status = document.querySelector<HTMLElement>('#status')!;
const atlas = document.querySelector<HTMLElement>('#city')!;

function say(text: string, error = false): void {
  status.textContent = text;
  status.classList.toggle('error', error);
}

function show(id: string): void {
  say('Conversion et chargement…');
  atlas.setAttribute('src', `/examples/${id}.json`);
  const url = new URL(location.href);
  url.searchParams.set('example', id);
  history.replaceState(null, '', url);
}

atlas.addEventListener('pb-load', (event) => {
  const { programmes, problems } = (
    event as CustomEvent<{ programmes: number; problems: unknown[] }>
  ).detail;
  const n = (count: number) => count.toLocaleString('fr');
  say(
    `${n(programmes)} projets sur la carte${problems.length ? `, ${n(problems.length)} problèmes` : ''}.`,
  );
});
atlas.addEventListener('pb-error', (event) => {
  say(`Erreur : ${(event as CustomEvent<{ message: string }>).detail.message}`, true);
});
select.addEventListener('change', () => show(select.value));

try {
  const response = await fetch('/examples/index.json');
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const list = (await response.json()) as ExampleList;
  const available = list.examples.filter((e) => e.available);
  if (available.length === 0) {
    for (const element of [select, select.labels?.[0], atlas]) if (element) element.hidden = true;
    say(
      `Aucun exemple disponible : ils ont besoin des données de ${list.dataFolder} (../shared/data à côté du projet).`,
      true,
    );
  } else {
    for (const example of available) select.add(new Option(example.title, example.id));
    const wanted = new URL(location.href).searchParams.get('example');
    if (wanted && available.some((e) => e.id === wanted)) select.value = wanted;
    select.disabled = false;
    show(select.value);
  }
} catch (error) {
  say(
    `Les exemples ne sont servis que par le serveur de développement (npm start) : ${(error as Error).message}`,
    true,
  );
}
