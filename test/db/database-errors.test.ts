import { isDatabaseUnavailable } from '../../src/db/database-errors';

const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });

describe('isDatabaseUnavailable', () => {
  it.each([
    ['a refused connection', withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED')],
    ['an admin shutdown (57P01)', withCode('terminating connection due to administrator command', '57P01')],
    ['a connection exception (08006)', withCode('connection failure', '08006')],
    ['a closed PGlite', new Error('PGlite is closed')],
    ['a wrapped cause', new Error('query failed', { cause: withCode('x', 'ECONNRESET') })],
    ['a statement cancelled by statement_timeout (57014)', withCode('canceling statement due to statement timeout', '57014')],
    ["pg's client-side query timeout", new Error('Query read timeout')],
    ['a connection that timed out while opening', new Error('Connection terminated due to connection timeout')],
    ['a server in crash recovery', withCode('the database system is in recovery mode', '57P03')],
  ])('treats %s as unavailable', (_label, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ['a syntax error (42601)', withCode('syntax error at or near "selec"', '42601')],
    ['a unique violation (23505)', withCode('duplicate key value', '23505')],
    ['a plain bug', new TypeError("Cannot read properties of undefined (reading 'x')")],
    ['a non-error', 'PGlite is closed'],
  ])('does not treat %s as unavailable', (_label, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});
