"""`GET /docs` (issue 12) in a real browser: it renders, lists every operation of the OpenAPI document, loads
nothing from another origin and logs no error."""
import json

import pytest

from conftest import started


@pytest.fixture(scope="module")
def site(binary, work, output):
    yield from started(binary, work, output, users={})


def test_docs_page_lists_every_operation_from_the_loopback_origin_alone(site):
    server, browser = site
    status, _, body = server.get("/openapi.json")
    assert status == 200
    document = json.loads(body)
    methods = {"get", "put", "post", "delete", "patch", "head", "options"}
    operations = {operation["operationId"]: (method, path)
                  for path, item in document["paths"].items()
                  for method, operation in item.items() if method in methods}
    assert len(operations) >= 30

    browser.visit("/docs", "api-docs")
    assert browser.driver.title == document["info"]["title"]
    assert browser.find("h1").text.startswith(document["info"]["title"])
    listed = {link.get_attribute("href").split("#", 1)[1] for link in browser.find_all("nav a[href^='#']")}
    assert listed == set(operations)
    # Each operation has its section, headed by its method and path, and every link lands on one.
    for operation_id, (method, path) in operations.items():
        heading = browser.find(f"section[id='{operation_id}'] h3").text
        assert method.upper() in heading.upper() and path in heading, (operation_id, heading)
    assert browser.find_all("#schemas")
    resources = browser.check_origins()
    assert resources and all(url.startswith(server.base) for url in resources)
    # The links to the machine-readable document lead to it.
    for link, marker in (("/openapi.yaml", b"openapi: 3.1"), ("/openapi.json", b'"openapi"')):
        href = browser.find(f"a[href='{link}']").get_attribute("href")
        status, _, body = server.get(href[len(server.base):])
        assert status == 200 and marker in body, link
