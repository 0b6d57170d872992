# bastion-fixture: app/services/convert.rb
# ok: command-injection
system("convert", name, "out.png")
system("make clean")
