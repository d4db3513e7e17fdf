"""``python -m accord`` runs the command line."""

from accord.interfaces.cli import app

if __name__ == "__main__":
    app(prog_name="accord")
