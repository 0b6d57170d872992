# bastion-fixture: app/services/github/push_solution.rb
# ok: secret-literal
module Github
  class PushSolution
    def initialize(token, repo)
      @token = token
      @repo = repo
    end

    # The installation token is minted at run time and interpolated; nothing is committed.
    def remote_url(token = @token, repo = @repo)
      "https://x-access-token:#{token}@github.com/#{repo}.git"
    end
  end
end
