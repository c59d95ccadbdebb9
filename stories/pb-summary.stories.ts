// <pb-summary>, the headline figures of a <pb-map>'s selection (`for`). Controls and docs: from
// the Custom Elements Manifest. Each `play` checks the figures are drawn.
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { FEEDS, create, expectMapState, find, framed, mapOf, until, withMap } from './support.js';

const summary = (
  args: Record<string, unknown>,
  context: Parameters<typeof create>[2],
  map: Record<string, string> = {},
) =>
  withMap(create('pb-summary', args, context), context, {
    src: FEEDS.sample,
    ...(args['theme'] ? { theme: String(args['theme']) } : {}),
    ...map,
  });

const meta = {
  title: 'Elements/pb-summary',
  component: 'pb-summary',
  render: (args, context) => summary(args, context),
  argTypes: { for: { control: false } },
} satisfies Meta;

export default meta;
type Story = StoryObj;

const figures = (canvasElement: HTMLElement): number =>
  find(canvasElement, 'pb-summary').shadowRoot?.querySelectorAll('[part~="figure"]').length ?? 0;
const drawn = (canvasElement: HTMLElement) =>
  until(() => figures(canvasElement) > 0, 'the figures');

/** Programmes, budget, inhabitants and amount per inhabitant of the sample feed. */
export const Loaded: Story = {
  play: ({ canvasElement }) => drawn(canvasElement),
};

/** Under the map's presets: Bretagne only. */
export const Filtered: Story = {
  render: (args, context) => summary(args, context, { region: 'Bretagne' }),
  play: ({ canvasElement }) => drawn(canvasElement),
};

/** A feed with no programme. */
export const Empty: Story = {
  render: (args, context) => summary(args, context, { src: FEEDS.empty }),
  play: async ({ canvasElement }) => {
    await expectMapState(await mapOf(canvasElement), 'empty');
    await drawn(canvasElement);
  },
};

/** `theme="dark"`, on a dark page. */
export const DarkTheme: Story = {
  args: { theme: 'dark' },
  decorators: [(story) => framed(story() as HTMLElement, { dark: true })],
  play: ({ canvasElement }) => drawn(canvasElement),
};

/** In a page in English. */
export const English: Story = {
  decorators: [(story) => framed(story() as HTMLElement, { lang: 'en' })],
  play: ({ canvasElement }) => drawn(canvasElement),
};
