# bastion-fixture: app/controllers/prefs_controller.rb
# ok: unsafe-deserialization
config = YAML.safe_load(params[:config])
raw = YAML.load_file('config/x.yml')
