# bastion-fixture: app/helpers/menu_helper/entry.rb
# ok: code-injection
module MenuHelper
  class Entry
    def initialize(**attrs)
      @condition = attrs[:if]
      @path = attrs.fetch(:path)
    end

    # A block handed on with `&`: a Proc written in the code, not text to evaluate.
    def visible?(view)
      @condition ? view.instance_eval(&@condition) : true
    end

    def url(view)
      @path.is_a?(Proc) ? view.instance_eval(&@path) : view.public_send(@path)
    end
  end

  # Methods defined for each of a fixed list of words.
  %w[owner editor].each do |role|
    class_eval(%{
      def #{role}_ids=(value)
        self.#{role}_list = value.reject(&:blank?)
      end
    })
  end
end
