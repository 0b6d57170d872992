# bastion-fixture: app/ml_client.py
import os

import requests
from django.conf import settings

EMBEDDINGS = "http://localhost:8006/embeddings"
RELEASES = "https://api.github.com/repos/acme/app/releases/latest"


def embed(texts, port):
    # expect: http-request-no-timeout
    res = requests.post(f"http://localhost:{port}/embed", json={"texts": texts})
    return res.json()


def embed_batch(texts):
    # expect: http-request-no-timeout
    return requests.post(EMBEDDINGS, json={"texts": texts}).json()


def similar(vector):
    # expect: http-request-no-timeout
    return requests.post(settings.SIMILARITY_SERVER + "/search/", json={"v": vector}).json()


def caption(image_path):
    # expect: http-request-no-timeout
    return requests.post("http://captioner:8007/caption", json={"path": image_path}).json()


def tags(photo):
    base = os.environ["TAGGER_URL"]
    # expect: http-request-no-timeout
    return requests.get(f"{base}/tags/{photo}").json()


def is_healthy(port):
    # expect: http-request-no-timeout
    return requests.get(f"http://localhost:{port}/health").status_code == 200


def latest_release():
    # expect: http-request-no-timeout
    return requests.get(RELEASES).json()["tag_name"]


def download(model):
    # expect: http-request-no-timeout
    return requests.get(f"https://models.example-cdn.com/{model}.tar.gz", stream=True)


def forward(url):
    # expect: http-request-no-timeout
    return requests.get(url).text
