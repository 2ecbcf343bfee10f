"""The advocacy contacts: the YAML source, its schema, the model, selection and exports (vCard,
JSON).
"""
