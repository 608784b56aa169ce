"""The Qt-free core: domain, storage, search, photos and Vietnamese text."""
