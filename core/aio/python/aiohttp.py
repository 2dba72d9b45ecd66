# Awaitscope's simulated aiohttp (WORLD.md "Network"): every request waits on
# one simulated socket of the world for latency(url) seconds.

import _awaitscope
from _aio_base import trace
import _aio_events as events

LATENCY = {'example.com': 0.4, 'python.org': 0.5, 'google.com': 0.3,
           'wikipedia.org': 0.6, 'dev.to': 0.9, 'medium.com': 0.3}


def _utf8(text):
    """The UTF-8 bytes of text, as a list of ints."""
    out = []
    for ch in text:
        c = ord(ch)
        if c < 0x80:
            out.append(c)
        elif c < 0x800:
            out.append(0xC0 | (c >> 6))
            out.append(0x80 | (c & 0x3F))
        elif c < 0x10000:
            out.append(0xE0 | (c >> 12))
            out.append(0x80 | ((c >> 6) & 0x3F))
            out.append(0x80 | (c & 0x3F))
        else:
            out.append(0xF0 | (c >> 18))
            out.append(0x80 | ((c >> 12) & 0x3F))
            out.append(0x80 | ((c >> 6) & 0x3F))
            out.append(0x80 | (c & 0x3F))
    return out


def fnv1a32(text):
    h = 0x811C9DC5
    for b in _utf8(text):
        h = ((h ^ b) * 0x01000193) & 0xFFFFFFFF
    return h


def url_host(url):
    """The host as written: scheme, user info, port, path, query dropped."""
    rest = url.split('://', 1)[1] if '://' in url else url
    for sep in '/?#':
        rest = rest.split(sep, 1)[0]
    rest = rest.rsplit('@', 1)[-1]
    if ':' in rest and not rest.endswith(']'):
        rest = rest.rsplit(':', 1)[0]
    return rest


def latency(url):
    host = url_host(url)
    if host.startswith('www.'):
        host = host[4:]
    if host in LATENCY:
        return LATENCY[host]
    return 0.1 + (fnv1a32(url) % 900) / 1000


def _body(url):
    host = url_host(url)
    return ('<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
            f'<title>{host}</title>\n</head>\n<body>\n<h1>{host}</h1>\n'
            f'<p>Simulated page for {url}</p>\n</body>\n</html>\n')


class ClientResponse:
    def __init__(self, method, url):
        self.status = 200
        self.method = method
        self.url = url
        self.reason = 'OK'
        self._body = _body(url)

    async def text(self, encoding=None, errors='strict'):
        return self._body

    async def __aenter__(self):
        return self

    async def __aexit__(self, exc_type, exc, tb):
        return None

    def release(self):
        pass

    def close(self):
        pass

    def __repr__(self):
        return f'<ClientResponse({self.url}) [200 OK]>'


class _RequestContextManager:
    """What session.get() returns: awaitable, or an async context manager."""

    def __init__(self, coro):
        self._coro = coro

    def __await__(self):
        return self._coro.__await__()

    async def __aenter__(self):
        return await self._coro

    async def __aexit__(self, exc_type, exc, tb):
        return None


def _deliver(fut, response):
    if not fut.done():
        fut.set_result(response)


class ClientSession:
    def __init__(self, *args, **kwargs):
        self._closed = False

    @property
    def closed(self):
        return self._closed

    async def __aenter__(self):
        return self

    async def __aexit__(self, exc_type, exc, tb):
        await self.close()

    async def close(self):
        self._closed = True

    async def _request(self, method, url):
        loop = events.get_running_loop()
        fut = loop.create_future()
        sid = loop._aw_socket_open(url, latency(url), _deliver, fut,
                                   ClientResponse(method, url))
        trace('socket.wait', sid, fut._aw_id, 0.0, f'{method} {url}')
        try:
            return await fut
        except BaseException:
            loop._aw_socket_close(sid)     # the socket is closed; no completion
            raise

    def request(self, method, url, **kwargs):
        return _RequestContextManager(self._request(method.upper(), str(url)))

    def get(self, url, **kwargs):
        return self.request('GET', url)

    def post(self, url, **kwargs):
        return self.request('POST', url)

    def put(self, url, **kwargs):
        return self.request('PUT', url)

    def delete(self, url, **kwargs):
        return self.request('DELETE', url)

    def head(self, url, **kwargs):
        return self.request('HEAD', url)
