# bastion-fixture: app/services/token_service.rb
class TokenService
  def read(t)
# expect: jwt-verification-disabled
    JWT.decode(t, nil, false)
  end
end
# expect: jwt-verification-disabled
JWT.decode(token, nil, true, { algorithm: "none" })
