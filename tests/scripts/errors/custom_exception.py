class FetchError(Exception):
    pass

def fetch(url):
    print("fetching", url)
    raise FetchError(f"could not fetch {url}")

fetch("http://example.com")
