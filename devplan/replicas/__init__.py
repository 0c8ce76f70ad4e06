"""Read replicas: GET requests read from a PostgreSQL streaming replica, everything else from the primary.

- `routing.py`: the database router and the request's choice of database.
- `lag.py`: how far behind each replica is, checked at most once a second per process.
- `middleware.py`: chooses the database of each request and keeps a client that wrote on the primary.
"""
