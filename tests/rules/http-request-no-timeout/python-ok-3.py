# bastion-fixture: app/clients/ollama.py
import requests


class OllamaClient:
    def _post(self, path, **kwargs):
        # ok: http-request-no-timeout
        return requests.post(self.base_url + path, **kwargs)

    def generate(self, prompt):
        return self._post("/api/generate", json={"prompt": prompt}, timeout=60)

    def embed(self, text):
        return self._post("/api/embed", json={"input": text}, timeout=self.timeout)
