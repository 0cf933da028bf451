"""Reading contributor files as their formats define them."""
