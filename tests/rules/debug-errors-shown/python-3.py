# bastion-fixture: app/main.py
from flask import Flask

app = Flask(__name__)

if __name__ == "__main__":
# expect: debug-errors-shown
    app.run(host="0.0.0.0", debug=True)
