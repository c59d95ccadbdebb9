// <pb-filters>, filtering a <pb-map> (`for`), with its figures. Controls and docs: from the
// Custom Elements Manifest. Each `play` checks the controls are drawn from the map's feed.
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { FEEDS, create, find, framed, until, withMap } from './support.js';

const filters = (
  args: Record<string, unknown>,
  context: Parameters<typeof create>[2],
  map: Record<string, string> = {},
) =>
  withMap(create('pb-filters', args, context), context, {
    src: FEEDS.sample,
    ...(args['theme'] ? { theme: String(args['theme']) } : {}),
    ...map,
  });

const meta = {
  title: 'Elements/pb-filters',
  component: 'pb-filters',
  render: (args, context) => filters(args, context),
  argTypes: { for: { control: false } },
} satisfies Meta;

export default meta;
type Story = StoryObj;

/** The count of what the filter keeps, once the feed is in. */
const count = (canvasElement: HTMLElement): string =>
  find(canvasElement, 'pb-filters').shadowRoot?.querySelector('[part~="count"]')?.textContent ?? '';
const counted = (canvasElement: HTMLElement) =>
  until(() => /\d/.test(count(canvasElement)), 'the count of kept programmes');

/** Years over a histogram, budgets, levels, regions and search, for the sample feed. */
export const Loaded: Story = {
  play: ({ canvasElement }) => counted(canvasElement),
};

/** The map's presets (`region`, `years`) shown in the controls. */
export const Filtered: Story = {
  render: (args, context) => filters(args, context, { region: 'Bretagne', years: '2020-2026' }),
  play: async ({ canvasElement }) => {
    await counted(canvasElement);
    const region = find(canvasElement, 'pb-filters').shadowRoot!.querySelector('select');
    await until(() => region?.value === 'Bretagne', 'the region preset in its select');
  },
};

/** `theme="dark"`, on a dark page. */
export const DarkTheme: Story = {
  args: { theme: 'dark' },
  decorators: [(story) => framed(story() as HTMLElement, { dark: true })],
  play: ({ canvasElement }) => counted(canvasElement),
};

/** In a page in English. */
export const English: Story = {
  decorators: [(story) => framed(story() as HTMLElement, { lang: 'en' })],
  play: ({ canvasElement }) => counted(canvasElement),
};

/** 375 px wide. */
export const Mobile: Story = {
  globals: { viewport: { value: 'mobile375', isRotated: false } },
  decorators: [(story) => framed(story() as HTMLElement, { width: 375 })],
  play: ({ canvasElement }) => counted(canvasElement),
};
