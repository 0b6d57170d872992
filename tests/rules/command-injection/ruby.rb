# bastion-fixture: app/services/convert.rb
class Convert
  def run(name)
# expect: command-injection
    system("convert #{name} out.png")
# expect: command-injection
    `rm -f #{name}`
  end
end
