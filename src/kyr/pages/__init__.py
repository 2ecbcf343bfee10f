"""Reading page sources: text files, front matter, markers, fenced code, YAML lines, typed phone
numbers.
"""
