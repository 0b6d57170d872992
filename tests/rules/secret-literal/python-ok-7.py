# bastion-fixture: app/telemetry.py
# ok: secret-literal
# Keys a vendor means to ship in clients: they only identify the project.
POSTHOG_API_KEY = "phc_hgJkUVJFYtmaJqrvf6CYN67TIQ8yhXAkWzUn9AMU4yX"
STRIPE_PUBLISHABLE_KEY = "pk_live_51HxAbCdEfGhIjKlMnOpQrStUvWxYz0123456789abcdef"
MAPBOX_TOKEN = "pk.eyJ1IjoiYWNtZSIsImEiOiJja2V4YW1wbGUxMjM0NTY3ODkwIn0.abcdefghijklmnopqrstuv"
