# bastion-fixture: app/services/token_service.rb
# ok: jwt-verification-disabled
class TokenService
  def read(t)
    JWT.decode(t, KEY, true, algorithm: 'HS256')
  end
end
