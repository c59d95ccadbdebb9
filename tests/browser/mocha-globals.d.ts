// The mocha BDD globals that @web/test-runner-mocha provides in the browser, typed just enough
// for the tests. (Delete this file if @types/mocha is ever added to the devDependencies.)

type MochaDone = (error?: unknown) => void;
type MochaCallback = (this: MochaContext, done: MochaDone) => void | Promise<unknown>;

interface MochaContext {
  timeout(ms: number): void;
  skip(): never;
}

declare function describe(title: string, body: (this: MochaContext) => void): void;
declare namespace describe {
  function only(title: string, body: (this: MochaContext) => void): void;
  function skip(title: string, body: (this: MochaContext) => void): void;
}
declare function it(title: string, body?: MochaCallback): void;
declare namespace it {
  function only(title: string, body?: MochaCallback): void;
  function skip(title: string, body?: MochaCallback): void;
}
declare function before(body: MochaCallback): void;
declare function after(body: MochaCallback): void;
declare function beforeEach(body: MochaCallback): void;
declare function afterEach(body: MochaCallback): void;
