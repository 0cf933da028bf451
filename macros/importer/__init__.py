"""Converting text exports of fiches into the project format."""
