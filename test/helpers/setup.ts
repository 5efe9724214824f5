import nock from 'nock';

// The network is closed in every test: only loopback (our own servers under test) is reachable.
// One regex, because each enableNetConnect call replaces the previous allow-list.
nock.disableNetConnect();
nock.enableNetConnect(/^(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/);
