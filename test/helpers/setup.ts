import nock from 'nock';

// The network is closed in every test: only loopback (our own servers under test) is reachable.
// One regex, because each enableNetConnect call replaces the previous allow-list.
nock.disableNetConnect();
nock.enableNetConnect(/^(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/);

// Jest reloads nock for every test file but Node's http module is shared by the worker, so an
// interceptor left active by the previous file would answer this file's requests with its own
// (empty) set of mocks. Restoring after each file keeps files independent.
afterAll(() => {
  nock.cleanAll();
  nock.restore();
});
