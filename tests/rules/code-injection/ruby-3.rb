# bastion-fixture: app/models/concerns/dynamic_roles.rb
module DynamicRoles
  # The loop's words come from the request, not from the code.
  def self.define_for(params)
    params[:roles].each do |role|
# expect: code-injection
      class_eval(%{
        def #{role}_ids; end
      })
    end
  end

  def self.run(code)
# expect: code-injection
    instance_eval(code)
  end

  %w[owner editor].each do |role|
# expect: code-injection
    class_eval(%{def #{role}_#{suffix}; end})
  end
end
