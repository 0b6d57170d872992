# bastion-fixture: config/initializers/payments.rb
PAYMENTS = {
  "endpoint" => "https://pay.example.com/v2/charges",
  # expect: secret-literal
  "api_secret" => "q8Zr2LmX7vT4kP9wB3nY6cD1",
}
