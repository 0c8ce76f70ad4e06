"""The bundled demo: 湘乡市's 2023 plan execution and 2024 plan, taken from the seed report. Every row
cites the sentence it came from; figures the seed does not give are not invented."""
