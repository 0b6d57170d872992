# bastion-fixture: app/reports.py
# ok: n-plus-one-query
from app.models import Author, Book

def report():
    rows = []
    qs = Author.objects.none()
    for author in Author.objects.filter(active=True).prefetch_related("books"):
        books = author.books.all()
        rows.append((author.name, len(books)))
    return rows
