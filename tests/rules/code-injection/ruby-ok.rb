# bastion-fixture: app/models/concerns/flags.rb
# ok: code-injection
module Flags
  class_eval <<~RUBY, __FILE__, __LINE__ + 1
    def flag; end
  RUBY
  config.instance_eval do
    self.x = 1
  end
end
