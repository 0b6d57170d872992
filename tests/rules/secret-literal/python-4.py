# bastion-fixture: app/storage/blob.py
# A real account's key is a leak.
# expect: secret-literal
CONNECTION = "DefaultEndpointsProtocol=https;AccountName=acmeprodfiles;AccountKey=q3Zt8LmN4vB7xR2pK9wY5cH1dF6gJ0sA3eT8uI2oP7lK4jM9nB1vC6xZ5aS8dF3gH0jK7lP2oI9uY4tR6eW1qA==;EndpointSuffix=core.windows.net"
