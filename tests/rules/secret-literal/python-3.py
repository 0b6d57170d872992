# bastion-fixture: app/integrations/billing.py
# A signed token with claims is a credential.
# expect: secret-literal
SERVICE_TOKEN = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJiaWxsaW5nLXN2YyIsInJvbGUiOiJhZG1pbiJ9.Zk3pQ9vX1mT7rB2nL8yC4wE6hJ0sD5aF9gK2uR7tY1o"
