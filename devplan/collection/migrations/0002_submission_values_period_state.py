"""Submissions keep what was stated as text (`values`), may be sent again after approval (one open per
subject and month), and name their door and file; a month's lock state gets a row writers can lock."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

from devplan.recording.legacy import immediate_constraints


def _plain(value):
    return None if value is None else format(value.normalize(), "f")


def _values_forward(apps, schema_editor):
    submission = apps.get_model("collection", "Submission")
    for row in submission.objects.all():
        if row.project_id:
            values = {"completed": _plain(row.value), "narrative": row.note, "problems": row.problems,
                      "help_requested": row.help_requested}
        else:
            values = {"value": _plain(row.value), "growth_pct": _plain(row.growth_pct), "note": row.note}
        submission.objects.filter(pk=row.pk).update(values={k: v for k, v in values.items() if v})


def _values_backward(apps, schema_editor):
    from decimal import Decimal

    submission = apps.get_model("collection", "Submission")
    for row in submission.objects.all():
        values = row.values
        number = values.get("completed") or values.get("value")
        submission.objects.filter(pk=row.pk).update(
            value=Decimal(number) if number else None,
            growth_pct=Decimal(values["growth_pct"]) if values.get("growth_pct") else None,
            note=values.get("narrative") or values.get("note") or "", problems=values.get("problems", ""),
            help_requested=values.get("help_requested", ""),
        )


def _states_forward(apps, schema_editor):
    lock = apps.get_model("collection", "PeriodLock")
    state = apps.get_model("collection", "PeriodState")
    latest = {}
    for event in lock.objects.order_by("at", "pk"):
        latest[(event.region_id, event.year, event.month)] = event.event == "lock"
    state.objects.bulk_create(
        state(region_id=region, year=year, month=month, locked=locked)
        for (region, year, month), locked in latest.items()
    )


class Migration(migrations.Migration):

    dependencies = [
        ('collection', '0001_initial'),
        ('indicators', '0003_figure_key'),
        ('projects', '0004_bulk_load_defaults'),
        ('regions', '0001_initial'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='PeriodState',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('year', models.PositiveSmallIntegerField(verbose_name='年度')),
                ('month', models.PositiveSmallIntegerField(verbose_name='月份')),
                ('locked', models.BooleanField(default=False, verbose_name='已锁定')),
            ],
            options={
                'verbose_name': '月份状态',
                'verbose_name_plural': '月份状态',
            },
        ),
        migrations.AlterModelOptions(
            name='submission',
            options={'ordering': ['year', 'month', 'indicator__sort_order', 'project__ref', 'pk'], 'verbose_name': '数据填报', 'verbose_name_plural': '数据填报'},
        ),
        migrations.RemoveConstraint(
            model_name='submission',
            name='one_submission_per_indicator_month',
        ),
        migrations.RemoveConstraint(
            model_name='submission',
            name='one_submission_per_project_month',
        ),
        migrations.AddField(
            model_name='submission',
            name='door',
            field=models.CharField(default='web', max_length=12, verbose_name='途径'),
        ),
        migrations.AddField(
            model_name='submission',
            name='file_name',
            field=models.CharField(blank=True, max_length=255, verbose_name='文件名'),
        ),
        migrations.AddField(
            model_name='submission',
            name='file_sha256',
            field=models.CharField(blank=True, max_length=64, verbose_name='文件 SHA-256'),
        ),
        migrations.AddField(
            model_name='submission',
            name='values',
            field=models.JSONField(blank=True, default=dict, verbose_name='填报内容（按填写的原样）'),
        ),
        migrations.AddConstraint(
            model_name='submission',
            constraint=models.UniqueConstraint(condition=models.Q(('project__isnull', True), models.Q(('status', 'approved'), _negated=True)), fields=('region', 'indicator', 'year', 'month'), name='one_open_submission_per_indicator_month'),
        ),
        migrations.AddConstraint(
            model_name='submission',
            constraint=models.UniqueConstraint(condition=models.Q(('indicator__isnull', True), models.Q(('status', 'approved'), _negated=True)), fields=('project', 'year', 'month'), name='one_open_submission_per_project_month'),
        ),
        migrations.AddField(
            model_name='periodstate',
            name='region',
            field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='regions.region', verbose_name='行政区'),
        ),
        migrations.AlterField(
            model_name='periodlock',
            name='by',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='操作人'),
        ),
        migrations.RunPython(_values_forward, _values_backward),
        migrations.RunPython(_states_forward, migrations.RunPython.noop),
        migrations.RunPython(immediate_constraints, migrations.RunPython.noop),
        migrations.RemoveField(
            model_name='submission',
            name='growth_pct',
        ),
        migrations.RemoveField(
            model_name='submission',
            name='help_requested',
        ),
        migrations.RemoveField(
            model_name='submission',
            name='note',
        ),
        migrations.RemoveField(
            model_name='submission',
            name='problems',
        ),
        migrations.RemoveField(
            model_name='submission',
            name='value',
        ),
        migrations.AddConstraint(
            model_name='periodstate',
            constraint=models.UniqueConstraint(fields=('region', 'year', 'month'), name='one_state_per_month'),
        ),
    ]
