"""Progress rows' `precision` without SQLite's per-row JSON_VALID check (devplan writes it), as the figures'."""

import devplan.lib.fields
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('projects', '0007_project_keeps_location_milestone'),
    ]

    operations = [
        migrations.AlterField(
            model_name='progress',
            name='precision',
            field=devplan.lib.fields.WrittenJSONField(blank=True, db_default=models.Value({}, models.JSONField()), default=dict, verbose_name='数值的小数位数'),
        ),
    ]
