# bastion-fixture: app/clients/llama.py
import requests


class LlamaClient:
    def _get(self, path, **kwargs):
        # expect: http-request-no-timeout
        return requests.get(self.base_url + path, **kwargs)

    def models(self):
        return self._get("/v1/models", timeout=10)

    def health(self):
        # One caller forgets the timeout, so the wrapper sends a request without one.
        return self._get("/health")


def fetch(url, **options):
    # expect: http-request-no-timeout
    return requests.get(url, **options)
