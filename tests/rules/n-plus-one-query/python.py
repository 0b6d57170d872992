# bastion-fixture: app/reports.py
from app.models import Author, Book

def report():
    rows = []
    for author in Author.objects.filter(active=True):
# expect: n-plus-one-query
        books = author.books.all()
        rows.append((author.name, len(books)))
    return rows
